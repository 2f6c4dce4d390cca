import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { TOKEN_SCOPES, TokenScope } from '@larder/auth';

export class CreateTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'card system' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TOKEN_SCOPES, { each: true })
  scopes!: TokenScope[];
}
