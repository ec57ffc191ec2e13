import type { TeamPlan } from '../model/plan';
import { formatFte } from './chartScales';
import { formatValue, numberFormat } from './formatValue';
import { useLanguage } from '../i18n/useLanguage';

export interface TeamListProps {
  plan: TeamPlan;
  /** A ward's display name from its index. */
  wardName: (index: number) => string;
  /** The selected ward's index, highlighted wherever it appears. */
  selected: number | null;
  onSelectWard: (index: number) => void;
  /** When given, each team id becomes a button (e.g. to zoom the map to the team). */
  onSelectTeam?: (id: number) => void;
  /** FTE per team, for the note on unassigned FTE; defaults to the first team's FTE. */
  teamSize?: number;
  /**
   * The action themes for a team's wards as a group (by the team's position in `plan.teams`), best
   * first; when given, a column shows each team's top two, called only for the teams rendered.
   */
  themesOf?: (teamIndex: number) => { id: string; label: string; action: string; evidence: string[] }[];
}

/** How many themes a team's row shows. */
const TEAM_THEMES = 2;

/** The proposed teams, one row each, with the wards they cover and what they can and must do. */
export function TeamList(props: TeamListProps) {
  const { plan, selected } = props;
  const reached = plan.teams.reduce((sum, t) => sum + t.peopleReached, 0);
  const teamSize = props.teamSize ?? plan.teams[0]?.fte ?? null;
  const { t, locale } = useLanguage();
  const integer = numberFormat(locale, { maximumFractionDigits: 0 });
  const fte = (value: number) => formatFte(value, locale);
  return (
    <div className="team-list">
      <table className="teams">
        <caption>{t('teams.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('teams.team')}
            </th>
            <th scope="col">{t('teams.base')}</th>
            <th scope="col">{t('teams.wards')}</th>
            <th scope="col" className="num">
              {t('teams.fte')}
            </th>
            <th scope="col" className="num">
              {t('teams.workload')} <span className="unit">{t('teams.perYear')}</span>
            </th>
            <th scope="col" className="num">
              {t('teams.capacity')} <span className="unit">{t('teams.perYear')}</span>
            </th>
            <th scope="col" className="num">
              {t('teams.reached')}
            </th>
            {props.themesOf && <th scope="col">{t('teams.themes')}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.teams.length === 0 && (
            <tr>
              <td colSpan={props.themesOf ? 8 : 7} className="empty-row">
                {t('teams.none')}
              </td>
            </tr>
          )}
          {plan.teams.map((team, position) => {
            const over = team.workload > team.capacity;
            return (
              <tr key={team.id} className={team.wards.includes(selected ?? -1) ? 'has-selected' : undefined}>
                <th scope="row" className="num" data-label={t('teams.team')}>
                  {props.onSelectTeam ? (
                    <button type="button" className="team-id" onClick={() => props.onSelectTeam?.(team.id)} aria-label={t('teams.teamId', { id: team.id })}>
                      {team.id}
                    </button>
                  ) : (
                    team.id
                  )}
                </th>
                <td data-label={t('teams.base')}>{props.wardName(team.base)}</td>
                <td className="wards-cell">
                  <ul className="team-wards">
                    {team.wards.map((ward) => (
                      <li key={ward}>
                        <button
                          type="button"
                          className={ward === selected ? 'ward-chip selected' : 'ward-chip'}
                          aria-pressed={ward === selected}
                          onClick={() => props.onSelectWard(ward)}
                        >
                          {props.wardName(ward)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num" data-label={t('teams.fte')}>
                  {fte(team.fte)}
                </td>
                <td data-label={t('teams.workload')} className={over ? 'num over' : 'num'} title={over ? t('teams.over') : undefined}>
                  {integer.format(team.workload)}
                </td>
                <td className="num" data-label={t('teams.capacity')}>
                  {integer.format(team.capacity)}
                </td>
                <td className="num" data-label={t('teams.reached')}>
                  {integer.format(team.peopleReached)}
                </td>
                {props.themesOf && <TeamThemes themes={props.themesOf(position).slice(0, TEAM_THEMES)} />}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="team-summary" aria-live="polite">
        {t('teams.summary', { reached: integer.format(reached), share: formatValue(plan.coveredShare * 100, '%', false, locale) })}
        {plan.unassignedFte > 0 && (
          <>
            {' · '}
            <span className="unassigned">
              {teamSize === null
                ? t('teams.unassignedFull', { fte: fte(plan.unassignedFte) })
                : t('teams.unassigned', { fte: fte(plan.unassignedFte), size: fte(teamSize) })}
            </span>
          </>
        )}
      </p>
    </div>
  );
}

/** A team's themes, compactly: each label opens to its action and the numbers behind it. */
function TeamThemes(props: { themes: { id: string; label: string; action: string; evidence: string[] }[] }) {
  const { t } = useLanguage();
  return (
    <td className="team-themes" data-label={t('teams.themes')}>
      {props.themes.length === 0
        ? '–'
        : props.themes.map((theme) => (
            <details key={theme.id} className="team-theme" title={theme.evidence.join('; ')}>
              <summary>{theme.label}</summary>
              {theme.action}
              <ul className="evidence">
                {theme.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </details>
          ))}
    </td>
  );
}
