import { ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { TOKEN_SCOPES, TokenScope } from '@larder/auth';

export class CreateTokenDto {
  @IsString()
  @Length(1, 64)
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TOKEN_SCOPES, { each: true })
  scopes!: TokenScope[];
}
