// The start every form template shares: the overview note, the Case Form Trigger and the note beside it.
import type { DistrictProfile } from '../../src/generated/types';
import { Flow } from './flow';
import { formTriggerNote, intro } from './notes';

export interface FormFlowSpec {
	/** The workflow's and the form page's path, e.g. `kontakt`. */
	path: string;
	/** The workflow's and the trigger's German name. */
	title: string;
	/** The form the trigger serves (`intake`, `plan`, …). */
	form: string;
	/** The overview's heading when it differs from the title. */
	heading?: string;
	/** What the overview says after the intro. */
	overview: string;
	/** Who uses the form (the form note's middle paragraph). */
	who: string;
	overviewWidth?: number;
}

/** A form workflow's flow and its trigger, with the overview note above and the form note below the trigger. */
export function formFlow(
	profile: DistrictProfile,
	spec: FormFlowSpec,
): { f: Flow; trigger: string } {
	const f = new Flow(profile, spec.path, spec.title);
	const overview = `${intro(profile, spec.heading ?? spec.title)}\n\n${spec.overview}`;
	f.note('Überblick', overview, [-40, -60], spec.overviewWidth ?? 520, 300, 4);
	const trigger = f.formTrigger(spec.path, spec.title, spec.form);
	f.note('Formular', formTriggerNote(spec.path, spec.who), [-40, 480], 480, 320);
	return { f, trigger };
}
