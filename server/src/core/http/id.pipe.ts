import { PipeTransform } from '@nestjs/common'
import { AppException } from '../errors/app.exception'

/** Route ids are positive integers; anything else is a 404, not a database error. */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value ?? '')) throw new AppException('NOT_FOUND')
    return Number(value)
  }
}
