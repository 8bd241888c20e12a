import { IsOptional } from 'class-validator';
import { Uuid } from '../../common/validation/decorators.js';

export class ListByCentreQuery {
  @IsOptional()
  @Uuid()
  centreId?: string;
}
