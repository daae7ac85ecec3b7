import { PipeTransform } from '@nestjs/common'
import type { ZodTypeAny, z } from 'zod'

/** Validates a body or query with a schema from @xiangli/shared; a ZodError becomes VALIDATION_FAILED. */
export class ZodPipe<S extends ZodTypeAny> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.infer<S> {
    return this.schema.parse(value ?? {})
  }
}

export const zod = <S extends ZodTypeAny>(schema: S) => new ZodPipe(schema)
