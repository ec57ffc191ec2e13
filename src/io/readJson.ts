/**
 * Parses a JSON file's text (a leading BOM is dropped), or says why it cannot: "empty file", or
 * "invalid JSON: <parser message> (line L, column C)" so a truncated or hand-edited file can be found.
 */
export function readJson(text: string): { json: unknown } | { error: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { error: 'empty file' };
  try {
    return { json: JSON.parse(body) };
  } catch (error) {
    return { error: `invalid JSON: ${jsonErrorMessage(error, body)}` };
  }
}

function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const index = Number(position[1]);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
