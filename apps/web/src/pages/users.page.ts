import { api } from '../api';
import type { FieldLabels } from '../error-text';
import { errorNotice, say, showSecretOnce } from '../admin-widgets';
import { confirmDialog } from '../dialog';
import type { DashboardRole } from '../contract';
import { h } from '../dom';
import { textOr, type TextKey } from '../i18n';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';

/** The shape of GET /api/admin/users (libs/auth UserAdminService). */
interface UserRow {
  id: string;
  username: string;
  role: DashboardRole;
  canteens: string[];
  active: boolean;
  createdAt: string;
}

const ROLE_CHOICES: DashboardRole[] = ['viewer', 'manager', 'finance', 'union', 'admin'];
/** How the API's refusals of a new user read to the person who typed it. */
const CREATE_ERRORS: Partial<Record<string, TextKey>> = { CONFLICT: 'userExists', VALIDATION_FAILED: 'usernameRule' };
const UPDATE_ERRORS: Partial<Record<string, TextKey>> = { CONFLICT: 'lastAdmin' };
/** The labels the forms show for the fields the API may refuse. */
const USER_FIELDS: FieldLabels = { username: 'username', role: 'roleLabel', canteens: 'canteens', active: 'activeLabel' };

export async function renderUsers(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const users = await api.get<UserRow[]>('/api/admin/users');
  const message = h('p', { class: 'form-message', role: 'alert', 'data-message': 'users' });
  const canteenName = (code: string) => context.canteenName(context.meta.canteens.find((canteen) => canteen.code === code)?.id ?? null);
  const change = async (user: UserRow, body: { role?: DashboardRole; canteens?: string[]; active?: boolean }, slot: HTMLElement = message) => {
    try {
      await api.patch(`/api/admin/users/${encodeURIComponent(user.username)}`, body);
      context.go({});
    } catch (error) {
      say(slot, errorNotice(t, error, { byCode: UPDATE_ERRORS, fields: USER_FIELDS }));
    }
  };
  const reset = async (user: UserRow) => {
    if (
      !(await confirmDialog({
        id: 'confirm-reset',
        title: t('confirmTitle'),
        body: [h('p', {}, t('confirmReset', { user: user.username }))],
        confirmLabel: t('resetPassword'),
        cancelLabel: t('cancel'),
      }))
    )
      return;
    try {
      const answer = await api.post<{ password: string }>(`/api/admin/users/${encodeURIComponent(user.username)}/password`);
      await showSecretOnce(t, { title: t('passwordFor', { user: user.username }), secret: answer.password });
      context.go({});
    } catch (error) {
      say(message, errorNotice(t, error, { fields: USER_FIELDS }));
    }
  };
  const editSlot = h('div', { 'data-slot': 'edit-user' });
  const actions = (user: UserRow) =>
    h(
      'span',
      { class: 'row-actions', 'data-user': user.username },
      h(
        'button',
        { type: 'button', class: 'ghost small', 'data-action': 'edit', onclick: () => editSlot.replaceChildren(userForm(context, { user, onSave: (body, slot) => void change(user, body, slot) })) },
        t('edit'),
      ),
      user.active
        ? h('button', { type: 'button', class: 'ghost small', 'data-action': 'disable', onclick: () => void change(user, { active: false }) }, t('disable'))
        : h('button', { type: 'button', class: 'ghost small', 'data-action': 'enable', onclick: () => void change(user, { active: true }) }, t('enable')),
      h('button', { type: 'button', class: 'ghost small', 'data-action': 'reset-password', onclick: () => void reset(user) }, t('resetPassword')),
    );
  root.append(message);
  context.table(root, {
    id: 'users',
    title: t('page.users'),
    rows: users,
    columns: [
      { label: t('username'), cell: (user) => user.username },
      { label: t('roleLabel'), cell: (user) => textOr(t, `role.${user.role}`, user.role), csv: (user) => user.role },
      { label: t('canteens'), cell: (user) => (user.canteens.length === 0 ? t('everyCanteen') : user.canteens.map(canteenName).join('、')), csv: (user) => user.canteens.join(' ') },
      { label: t('activeLabel'), cell: (user) => badge(t(user.active ? 'user.active' : 'user.disabled'), user.active ? 'good' : 'muted'), csv: (user) => String(user.active) },
      { label: t('createdAt'), cell: (user) => f.dateTime(user.createdAt), csv: (user) => user.createdAt },
      { label: t('actions'), cell: actions, csv: () => null },
    ],
  });
  root.append(editSlot, addForm(context));
}

/** Role and canteens, shared by the new-user form and the edit form. */
function userForm(context: PageContext, params: { user?: UserRow; onSave: (body: { username?: string; role: DashboardRole; canteens: string[] }, slot: HTMLElement) => void }): HTMLFormElement {
  const { t, meta } = context;
  const { user } = params;
  const username = user ? null : h('input', { type: 'text', name: 'username', required: true, minlength: 3, maxlength: 32, autocomplete: 'off', placeholder: t('username') });
  const role = h('select', { name: 'role' }, ...ROLE_CHOICES.map((value) => h('option', { value, selected: (user?.role ?? 'viewer') === value }, textOr(t, `role.${value}`, value))));
  const canteens = meta.canteens.map((canteen) =>
    h('label', { class: 'chip' }, h('input', { type: 'checkbox', name: 'canteens', value: canteen.code, checked: user?.canteens.includes(canteen.code) ?? false }), context.canteenName(canteen.id)),
  );
  const slot = h('p', { class: 'form-message', role: 'alert' });
  const form = h(
    'form',
    { class: 'card admin-form', 'data-form': user ? 'edit-user' : 'add-user' },
    h('h3', {}, user ? t('editUser', { user: user.username }) : t('addUser')),
    h('div', { class: 'row' }, username, role, h('button', { type: 'submit', class: 'primary' }, user ? t('save') : t('create'))),
    h('div', { class: 'canteen-chips', role: 'group', 'aria-label': t('canteens') }, h('span', { class: 'filter-label' }, t('canteens')), ...canteens),
    h('p', { class: 'muted small' }, t('canteensHint')),
    slot,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name=canteens]:checked')].map((box) => box.value);
    params.onSave({ username: username?.value.trim(), role: role.value as DashboardRole, canteens: chosen }, slot);
  });
  return form;
}

function addForm(context: PageContext): HTMLFormElement {
  const { t } = context;
  return userForm(context, {
    onSave: (body, slot) =>
      void (async () => {
        try {
          const created = await api.post<{ user: UserRow; password: string }>('/api/admin/users', body);
          await showSecretOnce(t, { title: t('passwordFor', { user: created.user.username }), secret: created.password });
          context.go({});
        } catch (error) {
          say(slot, errorNotice(t, error, { byCode: CREATE_ERRORS, fields: USER_FIELDS }));
        }
      })(),
  });
}
