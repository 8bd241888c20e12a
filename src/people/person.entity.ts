import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Centre } from '../centres/centre.entity.js';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

export const DUPLICATE_PERSON_MESSAGE =
  'Une personne de même nom, prénom et date de naissance existe déjà dans ce centre (champs « lastName », « firstName » et « birthDate ») : inscrivez-la depuis sa fiche.';

/**
 * A person of a centre, followed across sessions: a session's candidate is a person enrolled in
 * it. The identity is the latest known (each enrolment keeps the identity it was made with).
 */
@Entity('person')
@Index(['centreId', 'matchKey'], { unique: true })
@UniqueKeyMessage({
  columns: ['centreId', 'matchKey'],
  fields: ['lastName', 'firstName', 'birthDate'],
  message: DUPLICATE_PERSON_MESSAGE,
})
export class Person {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column({ type: 'varchar', length: 100 }) lastName!: string;

  @Column({ type: 'varchar', length: 100 }) firstName!: string;

  @DateColumn({ nullable: true }) birthDate!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true }) phone!: string | null;

  @Column({ type: 'varchar', length: 500, default: '' }) address!: string;

  /** The driving-licence number (NEPH), for the CQC registration. */
  @Column({ type: 'varchar', length: 30, nullable: true }) drivingLicenceNumber!: string | null;

  /** `personMatchKey` of the identity: one person per key and centre (the duplicate guard). */
  @Column({ type: 'varchar', length: 600 }) matchKey!: string;

  @InstantColumn() createdAt!: string;

  @VersionColumn() version!: number;
}
