import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_FORBIDDEN } from '../../codemods/spawn-to-taskspec/payload-shape.js';

/** The classification of `value`'s type in a small program (real lib files, as in a user's project). */
function classOf(declarations: string, value: string): ReturnType<typeof classify> {
  const project = new Project({
    compilerOptions: { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], strict: true },
    skipAddingFilesFromTsConfig: true,
  });
  const file = project.createSourceFile('probe.ts', `${declarations}\nexport const probe = ${value};\n`);
  return classify(file.getVariableDeclarationOrThrow('probe').getType(), DEFAULT_FORBIDDEN);
}

describe('forbidden captures by declaration', () => {
  it('names a built-in type as built-in, not as coming from the typescript package', () => {
    const result = classOf('', "new Response('x')");
    expect(result.class).toBe('forbidden');
    expect(result.why).toBe('`Response` (a built-in type) is request- or process-bound (*#Response)');
  });

  it('accepts a plain JSON-safe object', () => {
    expect(classOf('', "{ id: 'a', count: 1 }").class).toBe('json-safe');
  });
});
