import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Titre } from './titre.entity.js';
import type { TitreCqc } from '../cqc/titre-cqc.js';
import { JsonColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

export const CCP_KINDS = ['CCP', 'CCS'] as const;
export type CcpKind = (typeof CCP_KINDS)[number];

@Entity('ccp')
@Index(['titreId', 'code'], { unique: true })
@UniqueKeyMessage({
  columns: ['titreId', 'code'],
  fields: ['ccps'],
  message: 'Ce titre a déjà un CCP ou un CCS de ce code (champ « ccps »).',
})
export class Ccp {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') titreId!: string;

  @ManyToOne(() => Titre, (titre) => titre.ccps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'titreId' })
  titre?: Relation<Titre>;

  @Column({ type: 'varchar', length: 30 }) code!: string;

  @Column({ type: 'varchar', length: 300 }) label!: string;

  @Column({ type: 'varchar', length: 3, default: 'CCP' }) kind!: CcpKind;

  @Column({ type: 'integer', default: 0 }) position!: number;

  /**
   * The CCP is a training giving the CQC on its own (FIMO-type, issue 15): its qualification,
   * training type and Éducation nationale flag, as on the titre. Null: it does not.
   */
  @JsonColumn({ nullable: true }) cqc!: TitreCqc | null;
}
