// Password rules for new passwords (reliability bar A-02; 等保 身份鉴别 a): a minimum length and
// a number of character classes from the 地方口径 profile (security.passwordMinLength /
// passwordMinClasses), no user name inside, and not one of the passwords every guesser tries first.

export interface PasswordRules {
  minLength: number;
  /** How many of 大写字母/小写字母/数字/符号 must appear. */
  minClasses: number;
}

/** Lower-cased; compared after lower-casing the candidate. Short on purpose: the class rule does the rest. */
const WEAK_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'p@ssw0rd123',
  'admin123',
  'admin@123',
  'admin1234',
  'administrator',
  'qwerty123',
  'qwer1234',
  'qwe123!@#',
  '1qaz2wsx',
  '1qaz@wsx',
  '1qaz!qaz',
  'zaq12wsx',
  'abc12345',
  'abc@1234',
  'abcd1234',
  'aa123456',
  'aa123456!',
  'a1234567',
  '12345678',
  '123456789',
  '1234567890',
  '88888888',
  '11111111',
  '00000000',
  'iloveyou',
  'woaini1314',
  '5201314520',
  'changeme',
  'welcome1',
  'welcome@123',
  'test1234',
  'test@123',
]);

export function characterClasses(password: string): number {
  let n = 0;
  if (/[A-Z]/.test(password)) n += 1;
  if (/[a-z]/.test(password)) n += 1;
  if (/[0-9]/.test(password)) n += 1;
  if (/[^A-Za-z0-9\s]/.test(password)) n += 1;
  return n;
}

/**
 * Every problem with a proposed password, as Chinese sentences that say what to change.
 * Empty list = acceptable.
 */
export function passwordProblems(password: string, rules: PasswordRules, username: string): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < rules.minLength) problems.push(`密码至少需要 ${rules.minLength} 位（当前 ${chars.length} 位）。`);
  const classes = characterClasses(password);
  if (classes < rules.minClasses) {
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少 ${rules.minClasses} 类（当前 ${classes} 类）。`);
  }
  if (/\s/.test(password)) problems.push('密码不能包含空格。');
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push('密码不能包含用户名。');
  if (WEAK_PASSWORDS.has(password.toLowerCase())) problems.push('该密码过于常见，容易被猜中，请换一个。');
  return problems;
}
