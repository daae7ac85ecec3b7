import { DynamicModule, Global, Module } from '@nestjs/common'
import { APP_INTERCEPTOR } from '@nestjs/core'
import { TypeOrmModule } from '@nestjs/typeorm'
import { APP_CONFIG, type AppConfig } from './core/config/config'
import { dataSourceOptions, type DatabaseTarget } from './core/database/data-source'
import { QueryLogger, SLOW_QUERY_MS } from './core/database/query-logger'
import { AuditModule } from './core/audit/audit.module'
import { ClockModule } from './core/clock/clock.module'
import { AuthCoreModule } from './core/auth/auth-core.module'
import { FieldCrypto } from './core/crypto/field-crypto.service'
import { IdempotencyInterceptor } from './core/idempotency/idempotency.interceptor'
import { KeyOwners } from './core/idempotency/key-owners'
import { FilesModule } from './core/files/files.module'
import { JobsModule } from './core/jobs/jobs.module'
import { ENTITIES } from './entities'
import { HousekeepingModule } from './core/housekeeping/housekeeping.module'
import { WechatModule } from './infra/wechat/wechat.module'
import { AuthModule } from './modules/auth/auth.module'
import { AuditLogModule } from './modules/audit/audit-log.module'
import { CertificatesModule } from './modules/certificates/certificates.module'
import { ConvenienceServicesModule } from './modules/convenience-services/convenience-services.module'
import { ContentCheckModule } from './modules/content-check/content-check.module'
import { DeliberationsModule } from './modules/deliberations/deliberations.module'
import { CadreReviewsModule } from './modules/cadre-reviews/cadre-reviews.module'
import { DemoModule } from './modules/demo/demo.module'
import { GrievancesModule } from './modules/grievances/grievances.module'
import { PollsModule } from './modules/polls/polls.module'
import { ActivitiesModule } from './modules/activities/activities.module'
import { PointsModule } from './modules/points/points.module'
import { NewcomersModule } from './modules/newcomers/newcomers.module'
import { GridsModule } from './modules/grids/grids.module'
import { HealthModule } from './modules/health/health.module'
import { HomeModule } from './modules/home/home.module'
import { InboxModule } from './modules/inbox/inbox.module'
import { MeModule } from './modules/me/me.module'
import { PrivacyModule } from './modules/privacy/privacy.module'
import { NoticesModule } from './modules/notices/notices.module'
import { ProxyModule } from './modules/proxy/proxy.module'
import { PublicPagesModule } from './modules/public-pages/public-pages.module'
import { OrgsModule } from './modules/orgs/orgs.module'
import { RolesModule } from './modules/roles/roles.module'
import { RosterModule } from './modules/roster/roster.module'
import { VerificationModule } from './modules/verification/verification.module'
import { VillageRulesModule } from './modules/village-rules/village-rules.module'

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, FieldCrypto],
      exports: [APP_CONFIG, FieldCrypto],
    }
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(config),
        // migrations run before Nest starts (see bootstrap), never synchronize
        TypeOrmModule.forRoot({
          ...dataSourceOptions(db, ENTITIES),
          // statements without their parameters (the data); every one at trace, slow ones always
          logger: new QueryLogger(config.LOG_LEVEL === 'trace'),
          maxQueryExecutionTime: SLOW_QUERY_MS,
        }),
        AuditModule,
        AuthCoreModule,
        WechatModule,
        JobsModule,
        HousekeepingModule,
        FilesModule,
        InboxModule,
        ContentCheckModule,
        OrgsModule,
        AuthModule,
        MeModule,
        PrivacyModule,
        VerificationModule,
        RosterModule,
        RolesModule,
        ProxyModule,
        GridsModule,
        PollsModule,
        ActivitiesModule,
        ConvenienceServicesModule,
        NewcomersModule,
        GrievancesModule,
        CertificatesModule,
        NoticesModule,
        PublicPagesModule,
        DeliberationsModule,
        VillageRulesModule,
        CadreReviewsModule,
        PointsModule,
        HomeModule,
        AuditLogModule,
        HealthModule,
        DemoModule,
      ],
      providers: [KeyOwners, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    }
  }
}
