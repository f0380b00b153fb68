import { planWrite } from './write';

export const { description, execute } = planWrite('create');
