import { Module } from '@nestjs/common';
import { TitresController } from './titres.controller.js';
import { TitresService } from './titres.service.js';

@Module({ controllers: [TitresController], providers: [TitresService], exports: [TitresService] })
export class TitresModule {}
