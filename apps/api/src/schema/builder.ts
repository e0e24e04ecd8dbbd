/**
 * API conventions (every module follows them):
 *
 * 1. Queries returning lists return the list itself, nullable with non-null items (`[T!]`), and have no
 *    `errors` option. Bad input, an unknown key or any other failure is a top-level GraphQL error that nulls only
 *    that field: `extensions.code` (`BAD_USER_INPUT`, `NOT_FOUND`, …), a Vietnamese `message`,
 *    `extensions.messageEn` and, for bad input, `extensions.fieldErrors: [{ path, message, messageEn }]`.
 * 2. Single-object lookups return a union of the object and its typed errors, without a `…Success { data }`
 *    wrapper: `errors: { types: [NotFoundError], directResult: true }` (plus the default `ValidationError`).
 * 3. Mutations return typed result payloads: `errors: { types: [...] }` with the defaults below
 *    (`defaultTypes: [ValidationError]`, `unsafelyHandleInputErrors: true`).
 *
 * A `ValidationError` raised on a field without an `errors` option reaches the client through `formatError`
 * (format-error.ts) as the `BAD_USER_INPUT` error of rule 1; it is never an internal error.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin, { type StandardSchemaV1 } from '@pothos/plugin-validation';
import { type GraphQLSchema, isObjectType } from 'graphql';
import type { Context } from '../context.js';
import { type FieldError, ForbiddenError, ValidationError } from '../errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

export interface SchemaTypes {
  Context: Context;
  AuthScopes: {
    /** Anyone, signed in or not. */
    public: boolean;
    loggedIn: boolean;
    /**
     * The viewer holds this role (codes of the `role` table: `system_admin`, `analyst`, …) in a signed-in session.
     * API keys never satisfy it, whatever their owner holds.
     */
    role: string;
    /** The viewer is an API key carrying this scope (`read:reports`, `read:catalog`, …). */
    apiKey: string;
  };
  Scalars: {
    /** A calendar date 'YYYY-MM-DD'; see `scalars.ts`. */
    Date: { Input: string; Output: string };
    /** An instant, ISO 8601 with an offset; see `scalars.ts`. */
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}

/** Generic wording for validator issues that carry no message of their own. */
const ISSUE_MESSAGES: Record<string, [vi: string, en: string]> = {
  invalid_type: ['Giá trị không đúng kiểu dữ liệu.', 'The value has the wrong type.'],
  too_small: ['Giá trị quá ngắn hoặc quá nhỏ.', 'The value is too short or too small.'],
  too_big: ['Giá trị quá dài hoặc quá lớn.', 'The value is too long or too large.'],
  invalid_format: ['Giá trị không đúng định dạng.', 'The value is not in the expected format.'],
};

/**
 * A validator issue as a `FieldError`. Rules written for this API raise custom issues whose message is
 * Vietnamese and whose `params.messageEn` is English (see `bilingualRule`); other issues get a generic pair.
 */
export function issueToFieldError(issue: StandardSchemaV1.Issue): FieldError {
  const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part));
  const detail = issue as StandardSchemaV1.Issue & { code?: string; params?: { messageEn?: unknown } };
  if (detail.code === 'custom' && typeof detail.params?.messageEn === 'string') {
    return { path, message: issue.message, messageEn: detail.params.messageEn };
  }
  const [message, messageEn] = ISSUE_MESSAGES[detail.code ?? ''] ?? [
    'Giá trị không hợp lệ.',
    'The value is not valid.',
  ];
  return { path, message, messageEn };
}

/**
 * A schema builder. Plugin order matters: scope-auth first (nothing runs before authorization), then errors
 * (typed results), validation, relay, dataloader (after errors so load failures can become typed results).
 * It defines no types: modules do, and `schema/index.ts` imports them.
 */
export function createBuilder() {
  return new SchemaBuilder<SchemaTypes>({
    plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (context) => ({
        public: true,
        // A person in a session (API keys act for their owner only through `apiKey` scopes, never as a user).
        loggedIn: context.viewer.userId !== null && context.viewer.apiKeyId === null,
        role: (role) =>
          context.viewer.apiKeyId === null && (context.viewer.roles as readonly string[]).includes(role),
        apiKey: (scope) => context.viewer.apiKeyId !== null && context.viewer.apiKeyScopes.includes(scope),
      }),
      // Thrown outside the errors plugin (scope-auth wraps it), so it reaches the transport as FORBIDDEN.
      unauthorizedError: () => new ForbiddenError(),
    },
    errors: {
      // On fields with an `errors` option, these become typed results too; anything else reaches `formatError`.
      defaultTypes: [ValidationError],
      // Validation runs before the resolver; without this its failures would be transport errors.
      unsafelyHandleInputErrors: true,
    },
    validation: {
      validationError: (failure) => new ValidationError(failure.issues.map(issueToFieldError)),
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      nodeTypeOptions: {
        description:
          'Một đối tượng có ID toàn cục, tải lại được bằng `node(id:)`. / An object with a global ID, refetchable with `node(id:)`.',
      },
      idFieldOptions: {
        description:
          'ID toàn cục, không trong suốt và ổn định; dùng với `node(id:)`. / Opaque, stable global ID; use it with `node(id:)`.',
      },
      pageInfoTypeOptions: {
        description:
          'Vị trí của trang trong danh sách phân trang bằng con trỏ. / Where a page sits in a cursor-paginated list.',
      },
      hasNextPageFieldOptions: {
        description: 'Còn mục sau trang này. / More items follow this page.',
      },
      hasPreviousPageFieldOptions: {
        description: 'Có mục trước trang này. / Items precede this page.',
      },
      startCursorFieldOptions: {
        description:
          'Con trỏ của mục đầu trang (trống nếu trang rỗng). / Cursor of the first item (empty page: null).',
      },
      endCursorFieldOptions: {
        description:
          'Con trỏ của mục cuối trang; truyền vào `after` để lấy trang sau. / Cursor of the last item; pass it as `after` for the next page.',
      },
      edgesFieldOptions: {
        description: 'Các mục của trang, theo thứ tự. / The items of the page, in order.',
      },
      pageInfoFieldOptions: {
        description: 'Thông tin phân trang. / Pagination information.',
      },
      cursorFieldOptions: {
        description:
          'Con trỏ không trong suốt của mục này, cho `after`/`before`. / Opaque cursor of this item, for `after`/`before`.',
      },
      nodeFieldOptions: {
        description: 'Mục dữ liệu. / The item.',
      },
      firstArgOptions: {
        description: `Số mục từ đầu (tối đa ${MAX_PAGE_SIZE} mỗi trang). / Items from the start (at most ${MAX_PAGE_SIZE} a page).`,
      },
      lastArgOptions: {
        description: `Số mục từ cuối (tối đa ${MAX_PAGE_SIZE}). / Items from the end (at most ${MAX_PAGE_SIZE}).`,
      },
      afterArgOptions: {
        description:
          "Lấy các mục sau con trỏ này (`endCursor` của trang trước). / Items after this cursor (the previous page's `endCursor`).",
      },
      beforeArgOptions: {
        description: 'Lấy các mục trước con trỏ này. / Items before this cursor.',
      },
      nodeQueryOptions: {
        description: 'Một đối tượng theo ID toàn cục. / An object by its global ID.',
        args: { id: { description: "ID toàn cục của đối tượng. / The object's global ID." } },
        // An ID naming a type that is not a Node (a union, an input, nothing) finds nothing, like an unknown id.
        resolve: (_root, args, _context, info, resolveNode) =>
          isNodeTypename(info.schema, args.id.typename) ? resolveNode(args.id) : null,
      },
      nodesQueryOptions: {
        description: 'Các đối tượng theo ID toàn cục. / Objects by their global IDs.',
        args: {
          ids: {
            description:
              'Các ID toàn cục; kết quả theo cùng thứ tự. / Global IDs; results in the same order.',
          },
        },
        resolve: async (_root, args, _context, info, resolveNodes) => {
          const all = args.ids;
          const nodeIds = all.filter((id) => isNodeTypename(info.schema, id.typename));
          if (nodeIds.length === all.length) return resolveNodes(all);
          // Pothos resolves `args.ids` whatever list is passed: hand it the Node ones only, then put the others
          // back as nulls in their places.
          (args as { ids: typeof all }).ids = nodeIds;
          const found = nodeIds.length > 0 ? await resolveNodes(nodeIds) : [];
          let next = 0;
          return all.map((id) => (isNodeTypename(info.schema, id.typename) ? found[next++] : null));
        },
      },
    },
  });
}

/** True when `typename` is an object type implementing `Node` (what a global ID may name). */
function isNodeTypename(schema: GraphQLSchema, typename: string): boolean {
  const type = schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

/** The API's one builder; modules add their types to it. */
export const builder = createBuilder();
