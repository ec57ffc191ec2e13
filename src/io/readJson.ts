/**
 * Parses a JSON file's text (a leading BOM is dropped), or says why it cannot: "empty file";
 * for a file that stops before its JSON is complete (a download or copy cut short), where it stops;
 * else "invalid JSON: <parser message> (line L, column C)" so a hand-edited file can be fixed.
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
  const index = position ? Number(position[1]) : null;
  const end = text.trimEnd().length;
  const open = unfinished(text);
  // Engines word a cut-off file differently ("Unexpected end of JSON input", "Unterminated string",
  // "Expected ',' or ']'"); what they share is that the text ends with something still open.
  if (open !== null && (index === null || index >= end - 1)) {
    // The last character's place: where an editor shows the file to end.
    const { line, column } = lineAndColumn(text, end - 1);
    return (
      `the file stops inside ${open} at line ${line}, column ${column} (character ${end}): ` +
      'it looks cut off; download or export it again'
    );
  }
  if (index === null || /line \d+/.test(message)) return `${message}: correct the file or export it again`;
  const { line, column } = lineAndColumn(text, index);
  return `${message} (line ${line}, column ${column}): correct the file there or export it again`;
}

/**
 * What the text leaves open at its end, innermost first ("a string", "an object", "an array"), or
 * null when every string and bracket is closed. One pass, no parsing.
 */
function unfinished(text: string): string | null {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
  }
  if (inString) return 'a string';
  const innermost = stack.at(-1);
  return innermost === undefined ? null : innermost === '{' ? 'an object' : 'an array';
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}
