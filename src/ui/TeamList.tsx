import type { TeamPlan } from '../model/plan';
import { formatFte } from './chartScales';
import { formatValue } from './formatValue';

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
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** The proposed teams, one row each, with the wards they cover and what they can and must do. */
export function TeamList(props: TeamListProps) {
  const { plan, selected } = props;
  const reached = plan.teams.reduce((sum, t) => sum + t.peopleReached, 0);
  const teamSize = props.teamSize ?? plan.teams[0]?.fte ?? null;
  return (
    <div className="team-list">
      <table className="teams">
        <caption>Proposed teams</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Team
            </th>
            <th scope="col">Base ward</th>
            <th scope="col">Wards</th>
            <th scope="col" className="num">
              FTE
            </th>
            <th scope="col" className="num">
              Workload <span className="unit">(interventions/yr)</span>
            </th>
            <th scope="col" className="num">
              Capacity <span className="unit">(interventions/yr)</span>
            </th>
            <th scope="col" className="num">
              People reached
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.teams.length === 0 && (
            <tr>
              <td colSpan={7} className="empty-row">
                No teams proposed.
              </td>
            </tr>
          )}
          {plan.teams.map((team) => {
            const over = team.workload > team.capacity;
            return (
              <tr key={team.id} className={team.wards.includes(selected ?? -1) ? 'has-selected' : undefined}>
                <th scope="row" className="num">
                  {props.onSelectTeam ? (
                    <button type="button" className="team-id" onClick={() => props.onSelectTeam?.(team.id)} aria-label={`Team ${team.id}`}>
                      {team.id}
                    </button>
                  ) : (
                    team.id
                  )}
                </th>
                <td data-label="Base">{props.wardName(team.base)}</td>
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
                <td className="num" data-label="FTE">
                  {formatFte(team.fte)}
                </td>
                <td data-label="Workload" className={over ? 'num over' : 'num'} title={over ? 'More work than the team can do' : undefined}>
                  {integer.format(team.workload)}
                </td>
                <td className="num" data-label="Capacity">
                  {integer.format(team.capacity)}
                </td>
                <td className="num" data-label="Reached">
                  {integer.format(team.peopleReached)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="team-summary" aria-live="polite">
        {integer.format(reached)} vulnerable persons reached · {formatValue(plan.coveredShare * 100, '%')} of all covered by the teams
        {plan.unassignedFte > 0 && (
          <>
            {' · '}
            <span className="unassigned">
              {formatFte(plan.unassignedFte)} FTE not assigned: less than {teamSize === null ? 'a full team' : `a team of ${formatFte(teamSize)}`}
            </span>
          </>
        )}
      </p>
    </div>
  );
}
