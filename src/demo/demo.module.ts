import { Module } from '@nestjs/common';
import { AgrementsModule } from '../agrements/agrements.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoLoader } from './demo-loader.js';

@Module({
  imports: [
    UsersModule,
    CentresModule,
    TitresModule,
    AgrementsModule,
    SessionsModule,
    PeopleModule,
  ],
  providers: [DemoLoader],
  exports: [DemoLoader],
})
export class DemoModule {}
