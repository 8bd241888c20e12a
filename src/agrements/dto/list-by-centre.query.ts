import { IsOptional, IsUUID } from 'class-validator';

export class ListByCentreQuery {
  @IsOptional()
  @IsUUID('all')
  centreId?: string;
}
