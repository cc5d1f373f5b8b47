export { lintReview, lintRules, type LintOptions } from './lint-review';
export { defaultWritingSettings, readWritingSettings, ruleIds, titleStyles, writingSettingsSchema } from './settings';
export type { LintSettings, RuleId, TitleStyle, WritingSettings } from './settings';
export { indexNames, knownNamesOf } from './names';
export type { KnownName, NameKind } from './names';
export type { LintResult, LintRule, Severity } from './types';
