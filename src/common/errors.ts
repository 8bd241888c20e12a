import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';

export function notFound(what: string): NotFoundException {
  return new NotFoundException(`${what} introuvable.`);
}

export function forbidden(message = 'Action non autorisée pour votre rôle.'): ForbiddenException {
  return new ForbiddenException(message);
}

export function staleWrite(what: string): ConflictException {
  return new ConflictException(
    `${what} a été modifié(e) entre-temps par quelqu'un d'autre : rechargez la page et recommencez (rien n'a été enregistré).`,
  );
}
