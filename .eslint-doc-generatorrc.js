/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['strict', '🔒'],
  ],
  ignoreConfig: ['disable-type-checked'],
  ruleDocSectionInclude: ['When not to use it'],
  ruleDocSectionOptions: true,
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  urlRuleDoc: 'docs/rules/{name}.md',
};
