import { defaultRatingScale, statuses } from '../../src/review/schema';
import { BoundText, type SectionProps } from './BoundText';
import { CheckField } from './CheckField';
import { ChoiceField } from './ChoiceField';
import { ListField } from './ListField';
import { RatingControl } from './RatingControl';
import { issuesAt, textAt, valueAt } from './sidebar-model';

const statusLabels: Record<(typeof statuses)[number], string> = { draft: 'Draft', ready: 'Ready', published: 'Published' };

/** The review's own fields: headline, date, status, rating, tags, summary, spoilers. */
export function ReviewSection(props: SectionProps) {
  const { data, issues, edit } = props;
  const scaleValue = valueAt(data, ['rating_scale']);
  const scale = typeof scaleValue === 'number' && Number.isInteger(scaleValue) && scaleValue >= 1 && scaleValue <= 100 ? scaleValue : defaultRatingScale;
  const rating = valueAt(data, ['rating']);
  const date = textAt(data, ['date']);
  return (
    <>
      <BoundText {...props} path={['title']} label="Headline" multiline />
      <div className="meta-pair">
        {/* A date with a time, or one written another way, is edited as text so nothing is lost. */}
        <BoundText {...props} path={['date']} label="Date" type={date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'date' : 'text'} />
        <ChoiceField
          label="Status"
          value={textAt(data, ['status'])}
          choices={statuses.map((value) => ({ value, label: statusLabels[value] }))}
          issues={issuesAt(issues, ['status'])}
          onChange={(value) => edit(value ? { kind: 'set', path: ['status'], value } : { kind: 'remove', path: ['status'] })}
        />
      </div>
      <RatingControl
        value={typeof rating === 'number' && Number.isFinite(rating) ? rating : null}
        scale={scale}
        issues={[...issuesAt(issues, ['rating']), ...issuesAt(issues, ['rating_scale'])]}
        onChange={(value) => edit(value === null ? { kind: 'remove', path: ['rating'] } : { kind: 'set', path: ['rating'], value })}
        disabled={props.readOnly}
      />
      <ListField {...props} path={['tags']} label="Tags" itemLabel="tag" />
      <BoundText {...props} path={['summary']} label="Summary" multiline placeholder="One sentence for cards and search results" />
      <CheckField
        label="Contains spoilers"
        checked={valueAt(data, ['spoilers']) === true}
        issues={issuesAt(issues, ['spoilers'])}
        onChange={(checked) => edit({ kind: 'set', path: ['spoilers'], value: checked })}
      />
      <div className="meta-pair">
        <BoundText {...props} path={['slug']} label="Slug" placeholder="e.g. nosferatu-1922" />
        <BoundText {...props} path={['target_words']} label="Target length (words)" kind="integer" placeholder="e.g. 1200" />
      </div>
    </>
  );
}
