import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DateColumn, JsonColumn } from '../database/columns.js';
import { Titre } from '../titres/titre.entity.js';
import { JuryMember } from './jury-member.entity.js';
import type { HabilitationBasis } from './jury-requirements.js';

/** A juror's approval for a titre, until a date, optionally restricted to some CCPs. */
@Entity('habilitation')
export class Habilitation {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  juryMemberId!: string;

  @ManyToOne(() => JuryMember, (m) => m.habilitations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juryMemberId' })
  juryMember?: Relation<JuryMember>;

  @Column('uuid') titreId!: string;

  @ManyToOne(() => Titre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'titreId' })
  titre?: Relation<Titre>;

  @DateColumn() validUntil!: string;

  /** Empty: the whole titre. */
  @JsonColumn() ccpCodes!: string[];

  /**
   * What the habilitation rests on (JURY_SOURCES.JURY_HABILITATION_BASIS): professionnel du
   * métier, encadrement, formateur; null: not recorded (habilitations recorded before).
   */
  @Column({ type: 'varchar', length: 12, nullable: true }) basis!: HabilitationBasis | null;
}
