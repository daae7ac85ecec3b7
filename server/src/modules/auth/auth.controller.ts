import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common'
import {
  demoLoginSchema,
  refreshSchema,
  wechatLoginSchema,
  type DemoLoginRequest,
  type RefreshRequest,
  type WechatLoginRequest,
} from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { zod } from '../../core/http/zod.pipe'
import { AuthService } from './auth.service'

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('demo-people')
  @Access.public()
  demoPeople() {
    return this.auth.demoPeople()
  }

  @Post('demo')
  @HttpCode(200)
  @Access.public()
  demo(@Body(zod(demoLoginSchema)) body: DemoLoginRequest) {
    return this.auth.demoLogin(body.key)
  }

  @Post('wechat')
  @HttpCode(200)
  @Access.public()
  wechat(@Body(zod(wechatLoginSchema)) body: WechatLoginRequest) {
    return this.auth.wechatLogin(body.code)
  }

  @Post('refresh')
  @HttpCode(200)
  @Access.public()
  refresh(@Body(zod(refreshSchema)) body: RefreshRequest) {
    return this.auth.refresh(body.refreshToken)
  }

  @Post('logout')
  @HttpCode(200)
  @Access.public()
  logout(@Body(zod(refreshSchema)) body: RefreshRequest) {
    return this.auth.logout(body.refreshToken)
  }
}
