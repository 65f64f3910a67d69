/**
 * Everything a profile needs from the issue beyond its frames: the print profile's CMYK output
 * profile (from the template) and photo resolution check, the archive profile's attachments.
 * `check` asks only for the warnings; a build for both.
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

/** The profile's render options: the print profile's CMYK output profile, the archive's attachments. */
export async function renderOptions(issue: Issue, template: Template, profile: RenderProfile): Promise<RenderOptions> {
  const spec = PROFILE_SPECS[profile];
  return {
    profile,
    ...(spec.colour === 'cmyk' ? { outputProfile: outputProfileFor(template) } : {}),
    ...(spec.attachSources ? { attachments: await issueAttachments(issue, template) } : {}),
  };
}

/**
 * What the profile checks before rendering, for build and check alike: the print profile's output
 * profile (refused when the template's ink limit is below it) and photo resolution. Throws for
 * either; returns the warnings.
 */
export function profileWarnings(frames: IssueFrames, template: Template, profile: RenderProfile): ResolutionWarning[] {
  const spec = PROFILE_SPECS[profile];
  if (spec.colour === 'cmyk') outputProfileFor(template);
  return spec.printerMarks ? checkPrintResolution(frames) : [];
}
