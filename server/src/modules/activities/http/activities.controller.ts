import { Controller } from '@nestjs/common'
import { activityRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { ActivityAttendance } from '../use-cases/activity-attendance'
import { ActivityReads } from '../use-cases/activity-reads'
import { ActivityWrites } from '../use-cases/activity-writes'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 活动 / 志愿服务: the 两委 publish, residents sign up and check in by QR code, hours are credited. */
@Controller()
export class ActivitiesController {
  constructor(
    private readonly reads: ActivityReads,
    private readonly writes: ActivityWrites,
    private readonly day: ActivityAttendance,
  ) {}

  @Handle(R.list)
  list(@Acting() a: ActingContext) {
    return this.reads.list(a.viewer, a.villageId)
  }
  @Handle(R.detail)
  detail(@Acting() a: ActingContext, @In() i: Args<'detail'>) {
    return this.reads.one(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.create)
  create(@Acting() a: ActingContext, @In() i: Args<'create'>) {
    return this.writes.create(a, i.body)
  }
  @Handle(R.publish)
  publish(@Acting() a: ActingContext, @In() i: Args<'publish'>) {
    return this.writes.publish(a, i.params.id)
  }
  @Handle(R.cancel)
  cancel(@Acting() a: ActingContext, @In() i: Args<'cancel'>) {
    return this.writes.cancel(a, i.params.id, i.body)
  }
  @Handle(R.close)
  close(@Acting() a: ActingContext, @In() i: Args<'close'>) {
    return this.writes.close(a, i.params.id)
  }
  @Handle(R.signUp)
  signUp(@Acting() a: ActingContext, @In() i: Args<'signUp'>) {
    return this.writes.signUp(a, i.params.id)
  }
  @Handle(R.withdraw)
  withdraw(@Acting() a: ActingContext, @In() i: Args<'withdraw'>) {
    return this.writes.withdraw(a, i.params.id)
  }
  @Handle(R.roster)
  roster(@Acting() a: ActingContext, @In() i: Args<'roster'>) {
    return this.reads.roster(a.viewer, a.villageId, i.params.id)
  }
  @Handle(R.checkInCode)
  checkInCode(@Acting() a: ActingContext, @In() i: Args<'checkInCode'>) {
    return this.day.code(a, i.params.id)
  }
  @Handle(R.checkIn)
  checkIn(@Acting() a: ActingContext, @In() i: Args<'checkIn'>) {
    return this.day.checkIn(a, i.params.id, i.body.token)
  }
  @Handle(R.checkInByHand)
  checkInByHand(@Acting() a: ActingContext, @In() i: Args<'checkInByHand'>) {
    return this.day.checkInByHand(a, i.params.id, i.body.residentId)
  }
  @Handle(R.recordHours)
  recordHours(@Acting() a: ActingContext, @In() i: Args<'recordHours'>) {
    return this.day.recordHours(a, i.params.id, i.body)
  }
  @Handle(R.myHours)
  myHours(@Acting() a: ActingContext) {
    return this.reads.myHours(a.viewer, a.villageId)
  }
  @Handle(R.villageHours)
  villageHours(@Acting() a: ActingContext) {
    return this.reads.villageHours(a.villageId)
  }
}
