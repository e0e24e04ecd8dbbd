import {
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLUnionType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';

/**
 * Every type, field, argument and enum value of the schema without a description, as `Type`, `Type.field`,
 * `Type.field(arg)` or `Enum.VALUE` (introspection types and GraphQL's own scalars aside).
 */
export function missingDescriptions(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

/**
 * Describes the types that plugins generate around a field, from the field they serve, where the schema leaves
 * them blank: the result unions of the errors plugin (`MutationXResult`, `QueryXResult`) with their `…Success`
 * payloads and `data` fields, and the Relay connection and edge types. The field itself carries the meaning; these
 * say which field they belong to and what they hold. Returns the same schema.
 */
export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const parent of Object.values(schema.getTypeMap())) {
    if (parent.name.startsWith('__') || !isObjectType(parent)) continue;
    for (const field of Object.values(parent.getFields())) {
      const type = getNamedType(field.type);
      const path =
        parent === schema.getQueryType() || parent === schema.getMutationType()
          ? field.name
          : `${parent.name}.${field.name}`;
      if (isUnionType(type) && /(Query|Mutation)\w+Result$/.test(type.name)) describeResultUnion(type, path);
      if (isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields()) {
        describeConnection(type, path);
      }
    }
  }
  return schema;

  function describeResultUnion(union: GraphQLUnionType, path: string) {
    const members = union.getTypes();
    const success = members.find((member) => member.name.endsWith('Success'));
    const outcome = success ?? members.find((member) => !isErrorType(member));
    const errors = members.filter((member) => member !== outcome).map((member) => member.name);
    if (blank(union.description)) {
      union.description =
        `Kết quả của \`${path}\`: \`${outcome?.name}\`, hoặc một lỗi có kiểu (${errors.join(', ')}). / ` +
        `The outcome of \`${path}\`: \`${outcome?.name}\`, or a typed error (${errors.join(', ')}).`;
    }
    if (success) {
      if (blank(success.description)) {
        success.description = `\`${path}\` đã thành công. / \`${path}\` succeeded.`;
      }
      const data = success.getFields().data;
      if (data && blank(data.description)) {
        data.description =
          `Đối tượng \`${path}\` trả về khi thành công (\`${getNamedType(data.type).name}\`). / ` +
          `What \`${path}\` returns on success (\`${getNamedType(data.type).name}\`).`;
      }
    }
  }

  function describeConnection(connection: GraphQLObjectType, path: string) {
    const edge = getNamedType(connection.getFields().edges!.type);
    const node = isObjectType(edge) ? edge.getFields().node : undefined;
    const nodeName = node ? getNamedType(node.type).name : 'node';
    if (blank(connection.description)) {
      connection.description =
        `Một trang \`${nodeName}\` của \`${path}\`, phân trang bằng con trỏ. / ` +
        `A page of \`${nodeName}\` from \`${path}\`, with cursor pagination.`;
    }
    if (isObjectType(edge) && blank(edge.description)) {
      edge.description = `Một \`${nodeName}\` của \`${path}\` kèm con trỏ của nó. / One \`${nodeName}\` from \`${path}\` with its cursor.`;
    }
  }

  function isErrorType(type: GraphQLObjectType) {
    return type.getInterfaces().some((face) => face.name === 'Error');
  }
}
