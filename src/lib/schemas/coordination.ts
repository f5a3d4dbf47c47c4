import { z } from './zod';
import { id } from './fields';

/** "Voorstellen" on the workspace: this volunteer for this request. */
export const introduceSchema = z.object({
	request: id(),
	helper: id()
});
