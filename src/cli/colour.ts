/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
import picocolors from 'picocolors';

export type Colours = ReturnType<typeof picocolors.createColors>;

function useColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

export function coloursFor(stream: NodeJS.WriteStream): Colours {
  return picocolors.createColors(useColour(stream));
}
