import { colors } from '../../src/review/schema';
import { BoundText, type SectionProps } from './BoundText';
import { ChoiceField } from './ChoiceField';
import { ListField } from './ListField';
import { RecordTable } from './RecordTable';
import { issuesAt, textAt } from './sidebar-model';

const colourLabels: Record<(typeof colors)[number], string> = {
  color: 'Colour',
  'black-and-white': 'Black and white',
  mixed: 'Mixed',
};
const upper = (text: string) => text.toUpperCase();

/** The film's own facts: titles, year, runtime, origin, look, distribution, ids. */
export function FilmSection(props: SectionProps) {
  const { data, issues, edit } = props;
  return (
    <>
      <BoundText {...props} path={['film', 'title']} label="Title" />
      <BoundText {...props} path={['film', 'original_title']} label="Original title" />
      <div className="meta-pair">
        <BoundText {...props} path={['film', 'year']} label="Year" kind="integer" placeholder="e.g. 1922" />
        <BoundText {...props} path={['film', 'runtime']} label="Runtime (minutes)" kind="integer" placeholder="e.g. 94" />
      </div>
      <ListField {...props} path={['film', 'countries']} label="Countries" itemLabel="country" placeholder="Add a country code, e.g. DE" normalise={upper} />
      <ListField {...props} path={['film', 'languages']} label="Languages" itemLabel="language" placeholder="Add a language code, e.g. de" />
      <ListField {...props} path={['film', 'genres']} label="Genres" itemLabel="genre" />
      <div className="meta-pair">
        <BoundText {...props} path={['film', 'aspect_ratio']} label="Aspect ratio" placeholder="e.g. 1.85:1" />
        <ChoiceField
          label="Colour"
          value={textAt(data, ['film', 'color'])}
          choices={colors.map((value) => ({ value, label: colourLabels[value] }))}
          issues={issuesAt(issues, ['film', 'color'])}
          onChange={(value) => edit(value ? { kind: 'set', path: ['film', 'color'], value } : { kind: 'remove', path: ['film', 'color'] })}
        />
      </div>
      <RecordTable
        {...props}
        label="Distributors"
        rowLabel="distributor"
        path={['film', 'distributors']}
        columns={[{ key: 'name', label: 'Name' }, { key: 'country', label: 'Country', normalise: upper }]}
        layout="inline"
      />
      <ListField {...props} path={['film', 'watch']} label="Where to watch" itemLabel="place to watch" placeholder="Add a place, e.g. MUBI" />
      <div className="meta-pair">
        <BoundText {...props} path={['film', 'ids', 'tmdb']} label="TMDb id" kind="integer" placeholder="e.g. 653" />
        <BoundText {...props} path={['film', 'ids', 'imdb']} label="IMDb id" placeholder="e.g. tt0013442" />
      </div>
      <div className="meta-pair">
        <BoundText {...props} path={['film', 'ids', 'wikidata']} label="Wikidata id" placeholder="e.g. Q151895" />
        <BoundText {...props} path={['film', 'ids', 'letterboxd']} label="Letterboxd slug" placeholder="e.g. nosferatu" />
      </div>
    </>
  );
}
