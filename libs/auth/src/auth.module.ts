import { Module } from '@nestjs/common';
import { AccessGuard } from './guards/access.guard';
import { ApiTokenService } from './services/api-token.service';
import { AuditService } from './services/audit.service';
import { AuthBootstrapService } from './services/auth-bootstrap.service';
import { SessionService } from './services/session.service';
import { UserAdminService } from './services/user-admin.service';
import { UserService } from './services/user.service';

const SERVICES = [UserService, UserAdminService, SessionService, ApiTokenService, AuditService, AuthBootstrapService, AccessGuard];

@Module({ providers: SERVICES, exports: SERVICES })
export class AuthModule {}
