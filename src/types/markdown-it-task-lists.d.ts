declare module 'markdown-it-task-lists' {
  import type { PluginWithOptions } from 'markdown-it';

  /** GitHub-style `- [ ]` task lists; `enabled: false` (the default) renders disabled checkboxes. */
  const taskLists: PluginWithOptions<{ enabled?: boolean; label?: boolean; labelAfter?: boolean }>;
  export default taskLists;
}
