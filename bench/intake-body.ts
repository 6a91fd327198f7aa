/** The README's example submission: with an email address, so the follow-up mail is queued as in real use. */
export const INTAKE_BODY = JSON.stringify({
  reporter: { name: 'Anouk Verbeek', email: 'anouk@example.org', role: 'candidate' },
  description: 'Mijn jobcoach is drie keer niet op de afspraak verschenen.',
  desiredOutcome: 'Vaste afspraken die worden nagekomen.',
  involvedEmployees: ['Sanne Bakker'],
});
