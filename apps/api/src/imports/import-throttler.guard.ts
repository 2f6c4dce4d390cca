import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Principal, principalName } from '@larder/auth';

/** Counts uploads per token or user (the access guard has identified the caller already), not per address. */
@Injectable()
export class ImportThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as Principal | undefined;
    return principal ? principalName(principal) : String(request.ip);
  }
}
