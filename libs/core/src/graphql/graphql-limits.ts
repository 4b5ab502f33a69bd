import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLNamedType,
  GraphQLObjectType,
  GraphQLInterfaceType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  valueFromAST,
  visit,
  BREAK,
} from 'graphql';
import { findUnsafeText } from '../validation/validators';
import { GraphqlErrorCode, graphqlRefusal } from './graphql-errors';

/** Limits of one GraphQL request (AppConfig's `graphql*` settings). */
export interface GraphqlLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxBatch: number;
  maxQueryBytes: number;
  introspection: boolean;
}

/** Arguments that size a list: each field below counts once per item asked for. */
const PAGE_ARGS = ['first', 'limit'];

/**
 * Validation rules (static: mercurius caches a document's validation by its text): depth,
 * aliases and, when it is off, introspection. Each refusal names the limit.
 */
export function limitRules(limits: GraphqlLimits): ((ctx: ValidationContext) => ASTVisitor)[] {
  const rules: ((ctx: ValidationContext) => ASTVisitor)[] = [
    (ctx) => ({
      Document(document) {
        const fragments = fragmentsOf(document);
        for (const op of operationsOf(document)) {
          const depth = selectionDepth(op.selectionSet, fragments, new Map(), new Set());
          if (depth > limits.maxDepth) {
            ctx.reportError(
              graphqlRefusal(
                `Query depth ${depth} exceeds the limit of ${limits.maxDepth}.`,
                GraphqlErrorCode.badUserInput,
                { limit: 'depth', max: limits.maxDepth },
              ),
            );
          }
        }
        let aliases = 0;
        countAliases(document, () => aliases++);
        if (aliases > limits.maxAliases) {
          ctx.reportError(
            graphqlRefusal(
              `The document has ${aliases} aliases; at most ${limits.maxAliases} are allowed.`,
              GraphqlErrorCode.badUserInput,
              { limit: 'aliases', max: limits.maxAliases },
            ),
          );
        }
        return false;
      },
    }),
  ];
  if (!limits.introspection) {
    rules.push((ctx) => ({
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          ctx.reportError(
            graphqlRefusal(
              'Introspection is disabled on this server.',
              GraphqlErrorCode.forbidden,
              {
                status: 403,
              },
            ),
          );
        }
      },
    }));
  }
  return rules;
}

/**
 * The cost of the operation that will run: one per field, fields below a paged field (`first`
 * or `limit`, given or defaulted) counted once per item. Needs the variables, so it runs just
 * before execution. Introspection fields cost nothing (bounded by the schema).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
  stopAbove = Infinity,
): number {
  const ops = operationsOf(document).filter(
    (o) => !operationName || o.name?.value === operationName,
  );
  const fragments = fragmentsOf(document);
  // Without the operation's name, the most expensive one is judged (only one of them runs).
  return Math.max(0, ...ops.map((op) => costOf(schema, op, fragments, variables, stopAbove)));
}

function costOf(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  stopAbove: number,
): number {
  const root =
    op.operation === 'mutation'
      ? schema.getMutationType()
      : op.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;
  const memo = new Map<string, number>();
  const walk = (set: SelectionSetNode, type: GraphQLNamedType | undefined | null): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const fields =
          type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType
            ? type.getFields()
            : undefined;
        const def = fields?.[sel.name.value];
        let multiplier = 1;
        for (const arg of def?.args ?? []) {
          if (!PAGE_ARGS.includes(arg.name)) continue;
          const given = sel.arguments?.find((a) => a.name.value === arg.name);
          const value = given ? valueFromAST(given.value, arg.type, variables) : arg.defaultValue;
          if (typeof value === 'number' && value > multiplier) multiplier = value;
        }
        const child = sel.selectionSet
          ? walk(sel.selectionSet, def ? getNamedType(def.type) : undefined)
          : 0;
        cost += 1 + multiplier * child;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        cost += walk(sel.selectionSet, on);
      } else {
        const name = sel.name.value;
        let known = memo.get(name);
        if (known === undefined) {
          const fragment = fragments.get(name);
          memo.set(name, 0); // cycles are refused by validation; this only guards the walk
          known = fragment
            ? walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value))
            : 0;
          memo.set(name, known);
        }
        cost += known;
      }
      if (cost > stopAbove) return cost;
    }
    return cost;
  };
  return walk(op.selectionSet, root);
}

/** Control characters and lone surrogates in string literals and variables (core's rule). */
export function unsafeTextIn(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; value?: unknown };
    if (n.kind === Kind.STRING && typeof n.value === 'string') {
      if (findUnsafeText(n.value, path).length) found.push(path);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(child)) child.forEach((c) => visit(c, path));
      else if (child && typeof child === 'object') visit(child, path);
    }
  };
  for (const def of document.definitions) visit(def, 'query');
  if (variables) found.push(...findUnsafeText(variables, 'variables'));
  return found;
}

/**
 * Whether a page size in the document comes from a variable: only then does the cost of a
 * document depend on the request's variables (otherwise it can be computed once per document).
 */
export function pageSizesUseVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (PAGE_ARGS.includes(node.name.value) && node.value.kind !== Kind.INT) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  }
  return out;
}

/** Deepest field nesting; introspection subtrees are not descended (bounded by the schema). */
function selectionDepth(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const sel of set.selections) {
    let depth = 0;
    if (sel.kind === Kind.FIELD) {
      const introspection = sel.name.value.startsWith('__');
      depth =
        1 +
        (sel.selectionSet && !introspection
          ? selectionDepth(sel.selectionSet, fragments, memo, visiting)
          : 0);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(sel.selectionSet, fragments, memo, visiting);
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      let known = memo.get(name);
      if (known === undefined) {
        visiting.add(name);
        known = selectionDepth(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, known);
      }
      depth = known;
    }
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

function countAliases(node: unknown, onAlias: () => void): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { kind?: string; alias?: unknown };
  if (n.kind === Kind.FIELD && n.alias) onAlias();
  for (const [key, child] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(child)) child.forEach((c) => countAliases(c, onAlias));
    else if (child && typeof child === 'object') countAliases(child, onAlias);
  }
}
