import { english, messageText, type MessagePiece } from './problem';

/**
 * Parses a JSON file's text (a leading BOM is dropped), or says why it cannot: "empty file";
 * for a file that stops before its JSON is complete (a download or copy cut short), where it stops;
 * else "invalid JSON: <parser message> (line L, column C)" so a hand-edited file can be fixed.
 * `error` is the English message, `why` the same as a message key and values (see problemFrom).
 */
export function readJson(text: string): { json: unknown } | { error: string; why: MessagePiece } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure({ key: 'jsonEmpty' });
  try {
    return { json: JSON.parse(body) };
  } catch (error) {
    return failure(jsonErrorMessage(error, body));
  }
}

function failure(why: MessagePiece): { error: string; why: MessagePiece } {
  return { error: messageText(why.key, why.values ?? {}, english), why };
}

function jsonErrorMessage(error: unknown, text: string): MessagePiece {
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
    return { key: 'jsonCutOff', values: { open: { key: open }, line, column, character: end } };
  }
  if (index === null || /line \d+/.test(message)) return { key: 'jsonSyntax', values: { error: message } };
  const { line, column } = lineAndColumn(text, index);
  return { key: 'jsonSyntaxAt', values: { error: message, line, column } };
}

/**
 * What the text leaves open at its end, innermost first (a string, an object, an array), or
 * null when every string and bracket is closed. One pass, no parsing.
 */
function unfinished(text: string): 'jsonOpenString' | 'jsonOpenObject' | 'jsonOpenArray' | null {
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
  if (inString) return 'jsonOpenString';
  const innermost = stack.at(-1);
  return innermost === undefined ? null : innermost === '{' ? 'jsonOpenObject' : 'jsonOpenArray';
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}
