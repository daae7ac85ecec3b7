import { Controller } from '@nestjs/common'
import { certificateRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Handle, In } from '../../../core/http/route'
import { PublicCheck } from '../use-cases/public-check'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** Anyone holding a certificate checks it here, without logging in (the QR code opens this). */
@Controller()
export class PublicCertificatesController {
  constructor(private readonly publicCheck: PublicCheck) {}

  @Handle(R.verify)
  verify(@In() i: Args<'verify'>) {
    return this.publicCheck.check(i.query)
  }
}
