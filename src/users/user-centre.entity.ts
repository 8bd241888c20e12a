import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Centre } from '../centres/centre.entity.js';
import { User } from './user.entity.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

@Entity('user_centre')
@UniqueKeyMessage({
  columns: ['userId', 'centreId'],
  fields: ['centreIds'],
  message: 'Ce compte est déjà rattaché à ce centre (champ « centreIds »).',
})
export class UserCentre {
  @PrimaryColumn('uuid') userId!: string;

  @PrimaryColumn('uuid') centreId!: string;

  @ManyToOne(() => User, (user) => user.centres, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;
}
