import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard, AuthModule } from '@larder/auth';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';

@Module({
  imports: [AuthModule, ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 10 }])],
  controllers: [AuthController, AdminController],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AuthApiModule {}
