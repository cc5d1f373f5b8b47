import type { SectionProps } from './BoundText';
import { ListField } from './ListField';
import { RecordTable } from './RecordTable';

/** Who made the film and who is in it. */
export function CrewSection(props: SectionProps) {
  return (
    <>
      <ListField {...props} path={['film', 'directors']} label="Directors" itemLabel="director" />
      <ListField {...props} path={['film', 'writers']} label="Writers" itemLabel="writer" />
      <RecordTable
        {...props}
        label="Cast"
        rowLabel="cast member"
        path={['film', 'cast']}
        columns={[{ key: 'name', label: 'Actor' }, { key: 'character', label: 'Character' }]}
      />
      <ListField {...props} path={['film', 'cinematographers']} label="Cinematographers" itemLabel="cinematographer" />
      <ListField {...props} path={['film', 'editors']} label="Editors" itemLabel="editor" />
      <ListField {...props} path={['film', 'composers']} label="Composers" itemLabel="composer" />
      <ListField {...props} path={['film', 'producers']} label="Producers" itemLabel="producer" />
    </>
  );
}
