import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UsersService, type UserView } from './users.service.js';

@ApiTags('utilisateurs')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }
}
