import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: 256, format: 'password' })
  @IsString()
  @Length(1, 256)
  oldPassword!: string;

  @ApiProperty({ minLength: 1, maxLength: 256, format: 'password', description: '12 characters or more, not common, repeated or a run' })
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}
