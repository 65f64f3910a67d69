/**
 * Everything a profile needs from the issue beyond its frames: the print profile's CMYK output
 * profile (from the template) and photo resolution check, the archive profile's attachments.
 */
import { issueAttachments } from '../archive/sources.js';
import type { IssueFrames } from '../layout/frames.js';
import type { Issue } from '../manifest/types.js';
import type { Template } from '../template/types.js';
import { outputProfileFor } from './output-profile.js';
import type { RenderProfile } from './page-boxes.js';
import type { RenderOptions } from './pdf.js';
import { checkPrintResolution, type ResolutionWarning } from './photo-resolution.js';
import { PROFILE_SPECS } from './profile-spec.js';

export interface RenderSetup {
  readonly options: RenderOptions;
  readonly warnings: readonly ResolutionWarning[];
}

export async function renderSetup(issue: Issue, template: Template, frames: IssueFrames, profile: RenderProfile): Promise<RenderSetup> {
  const spec = PROFILE_SPECS[profile];
  return {
    options: {
      profile,
      ...(spec.colour === 'cmyk' ? { outputProfile: outputProfileFor(template) } : {}),
      ...(spec.attachSources ? { attachments: await issueAttachments(issue, template) } : {}),
    },
    warnings: spec.printerMarks ? checkPrintResolution(frames) : [],
  };
}
