import { generatePassword, passwordProblem } from './password';

describe('the password policy', () => {
  it('refuses passwords of the published common-password list, alone or with a few characters added', async () => {
    for (const common of ['1qaz2wsx3edc', 'qwertyuiop123', 'password1234', 'Iloveyou2024!', 'P@ssw0rd2024', 'Superman1234', 'michael12345', 'starwars2020']) {
      expect(await passwordProblem(common)).toMatch(/^密码在公开的常用密码列表中.*password is on a published list of common passwords/);
    }
  });

  it('takes long passphrases and generated passwords, even with a common word inside', async () => {
    for (const good of ['a-better-secret-phrase-42', 'monkey on a tin roof 1987', 'test-password-0123', generatePassword(), generatePassword()]) {
      expect(await passwordProblem(good)).toBeNull();
    }
  });

  it('names each reason in Chinese and English', async () => {
    expect(await passwordProblem('short-1')).toMatch(/^密码至少需要 12 个字符（password must be at least 12 characters）$/);
    expect(await passwordProblem('aaaaaaaaaaaa')).toMatch(/^密码不能是同一个字符.*（password must not be one character or a short piece repeated/);
    expect(await passwordProblem('wang.li-canteen-77', 'wang.li')).toMatch(/^密码不能包含用户名（password must not contain the username）$/);
  });
});
