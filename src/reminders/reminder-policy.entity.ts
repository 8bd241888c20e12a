import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Centre } from '../centres/centre.entity.js';
import { InstantColumn, JsonColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/** A centre's reminder settings; a centre without a row uses the defaults. */
@Entity('reminder_policy')
@UniqueKeyMessage({
  columns: ['centreId'],
  fields: ['centreId'],
  message:
    'Les réglages de rappel de ce centre viennent d’être enregistrés par une autre demande (champ « centreId ») : rechargez la page et recommencez.',
})
export class ReminderPolicyEntity {
  @PrimaryColumn('uuid') centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  /** Days before the due date on which a reminder is sent (0 = on the day). */
  @JsonColumn() offsets!: number[];

  /** After the due date, an overdue notice every N days (0 = none). */
  @Column({ type: 'integer' }) overdueEveryDays!: number;

  @Column({ type: 'boolean', default: true }) enabled!: boolean;

  @InstantColumn() updatedAt!: string;
}
