import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { templatesDir } from '../common/template-renderer.js';
import {
  listTemplateVersions,
  loadTemplateVersion,
  type ChecklistTemplate,
} from './checklist-template.js';

/**
 * The checklist template files under `<templates>/checklist` (`JALON_TEMPLATES_DIR` moves the
 * root). A version's file never changes once published, so each one is read once.
 */
@Injectable()
export class ChecklistTemplates {
  private readonly cache = new Map<string, ChecklistTemplate>();

  dir(): string {
    return join(templatesDir(), 'checklist');
  }

  /** Available versions, increasing. */
  versions(): number[] {
    return listTemplateVersions(this.dir()).map((v) => v.version);
  }

  latestVersion(): number | null {
    return this.versions().at(-1) ?? null;
  }

  /** The template of a version; throws when it is missing or invalid. */
  get(version: number): ChecklistTemplate {
    const dir = this.dir();
    const key = `${dir}#${version}`;
    let template = this.cache.get(key);
    if (!template) {
      template = loadTemplateVersion(version, dir);
      this.cache.set(key, template);
    }
    return template;
  }

  /** The template of a version, or null when no file has that version. */
  find(version: number): ChecklistTemplate | null {
    return this.versions().includes(version) ? this.get(version) : null;
  }

  latest(): ChecklistTemplate {
    const version = this.latestVersion();
    if (version === null) {
      throw new Error(
        `Aucun modèle de liste de contrôle (guide-session.v<N>.json) dans ${this.dir()}.`,
      );
    }
    return this.get(version);
  }
}
