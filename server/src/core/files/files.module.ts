import { Global, Module } from '@nestjs/common'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { FilesController } from './files.controller'
import { FilesService } from './files.service'
import { OBJECT_STORE, objectStoreFor } from './storage'

/** Uploads and the object store they live in (UPLOAD_DIR or the S3 bucket), for every module. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [
    FilesService,
    { provide: OBJECT_STORE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => objectStoreFor(c) },
  ],
  exports: [FilesService, OBJECT_STORE],
})
export class FilesModule {}
