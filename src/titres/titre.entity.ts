import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import type { TitreCqc } from '../cqc/titre-cqc.js';
import type { JuryRequirements } from '../jury/jury-requirements.js';
import { Ccp } from './ccp.entity.js';

/** A titre professionnel in one version (millésime). Titres are national, shared by all centres. */
@Entity('titre')
@Index(['code', 'version'], { unique: true })
@UniqueKeyMessage({
  columns: ['code', 'version'],
  fields: ['code', 'version'],
  message: 'Ce titre existe déjà dans cette version (champs « code » et « version »).',
})
export class Titre {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'varchar', length: 30 }) code!: string;

  @Column({ type: 'varchar', length: 300 }) label!: string;

  @Column({ type: 'varchar', length: 30 }) version!: string;

  /** Last day of validity of the titre version (its end date). */
  @DateColumn() validUntil!: string;

  /**
   * Last day of the prolongation year when set by hand; null: validUntil + 1 year
   * (`PROLONGATION_PERIOD` and its source in certification-sources.ts).
   */
  @DateColumn({ nullable: true }) prolongationUntil!: string | null;

  /**
   * The tests of the titre's référentiel d'évaluation (`EXAM_TESTS` codes, entretien final
   * excepted: it comes from the session's nature); empty: the default list of the convocation.
   */
  @JsonColumn({ default: '[]' }) examTests!: string[];

  /** Documents the candidates bring besides the identity document (e.g. permis de conduire). */
  @JsonColumn({ default: '[]' }) convocationDocuments!: string[];

  /**
   * What the jurors hold beyond their habilitation (road transport: licence C or D, valid CQC),
   * with its source (JURY_SOURCES.JURY_REQUIREMENTS); null: nothing more.
   */
  @JsonColumn({ nullable: true }) juryRequirements!: JuryRequirements | null;

  /**
   * The titre gives the CQC (Hub Pro Transport registration): qualification, training type,
   * Éducation nationale; null: it does not.
   */
  @JsonColumn({ nullable: true }) cqc!: TitreCqc | null;

  @InstantColumn() createdAt!: string;

  @OneToMany(() => Ccp, (ccp) => ccp.titre, { cascade: ['insert'] })
  ccps?: Relation<Ccp[]>;
}
