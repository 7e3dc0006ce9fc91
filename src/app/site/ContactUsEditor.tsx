import { newContact, newLocation, readContactUs } from '../../site/contactUs.ts';
import { insertItem, moveItem, removeItem, setIn, type YamlPath } from '../../site/homepage.ts';
import { ItemButtons, ReorderStatus, SiteFrontMatterProvider, TextField, useDragReorder, useSiteFrontMatter } from './siteFields.tsx';
import './siteLayout.css';

const LINE_LABELS: Record<string, string> = { phone: 'Phone', email: 'Email', other: 'Other information' };

/** The Contact Us page as the site shows it: agency name, contacts and locations, edited in place. */
export default function ContactUsEditor() {
  return (
    <SiteFrontMatterProvider layout="contact_us">
      <ContactUsCanvas />
    </SiteFrontMatterProvider>
  );
}

function ContactUsCanvas() {
  const { data, edit } = useSiteFrontMatter();
  const view = readContactUs(data);
  const moveIn = (path: YamlPath) => (from: number) => (to: number) => edit((text) => moveItem(text, path, from, to));
  const reorder = useDragReorder((list, from, to) => edit((text) => moveItem(text, [list], from, to)));
  /** The handle a contact or location is dragged by, or moved with the arrow keys. */
  const handle = (list: 'contacts' | 'locations', index: number, count: number, label: string) => (
    <span className="site-list__handle" {...reorder.dragProps(list, index, label)} {...reorder.handleProps(list, index, count, label)}>
      ⠿
    </span>
  );
  const removeFrom = (path: YamlPath, count: number) => (index: number) =>
    edit((text) => (count === 1 ? setIn(text, path, undefined) : removeItem(text, path, index)));

  return (
    <div className="site-canvas site-contact" aria-label="Contact Us">
      <p className="site-canvas__help">This is the Contact Us page as the site shows it. Click a text to change it.</p>
      <h2 className="site-contact__heading">
        Get in touch with <TextField path={['agency_name']} label="Agency name" max={100} className="site-text--title" />
      </h2>

      <h3>Contact Us</h3>
      <div className="site-contact__grid">
        {view.contacts.map((contact, i) => (
          <div className={`site-list__item${reorder.isDragged('contacts', i) ? ' site-list__item--dragged' : ''}`} key={i} role="group" aria-label={`Contact ${i + 1}`} {...reorder.dropProps('contacts', i, view.contacts.length)}>
            {handle('contacts', i, view.contacts.length, `contact ${i + 1}`)}
            <ItemButtons
              index={i}
              count={view.contacts.length}
              label={`contact ${i + 1}`}
              onMove={moveIn(['contacts'])(i)}
              onRemove={view.contacts.length > 1 ? removeFrom(['contacts'], view.contacts.length).bind(null, i) : undefined}
            />
            <TextField path={['contacts', i, 'title']} label="Title" max={49} required className="site-text--label" />
            {contact.lines.map((line, j) => (
              <TextField key={j} path={['contacts', i, 'content', j, line.kind]} label={LINE_LABELS[line.kind] ?? line.kind} max={line.kind === 'other' ? 399 : undefined} multiline={line.kind === 'other'} />
            ))}
          </div>
        ))}
      </div>
      <button type="button" className="site-list__add" onClick={() => edit((text) => insertItem(text, ['contacts'], view.contacts.length, newContact('New contact')))}>
        Add contact
      </button>

      <ReorderStatus text={reorder.announcement} />
      <h3>Locations</h3>
      {view.locations.map((location, i) => {
        const path = ['locations', i];
        return (
          <div className={`site-list__item site-location${reorder.isDragged('locations', i) ? ' site-list__item--dragged' : ''}`} key={i} role="group" aria-label={`Location ${i + 1}`} {...reorder.dropProps('locations', i, view.locations.length)}>
            {handle('locations', i, view.locations.length, `location ${i + 1}`)}
            <ItemButtons
              index={i}
              count={view.locations.length}
              label={`location ${i + 1}`}
              onMove={moveIn(['locations'])(i)}
              onRemove={removeFrom(['locations'], view.locations.length).bind(null, i)}
            />
            <TextField path={[...path, 'title']} label="Title" max={49} required className="site-text--label" />
            {location.address.map((_, j) => (
              <TextField key={j} path={[...path, 'address', j]} label={`Address line ${j + 1}`} max={50} />
            ))}
            <TextField path={[...path, 'maps_link']} label="Map link (empty: a map search for the address)" placeholder="https://…" />
            <h4>Operating hours</h4>
            {location.operating_hours.map((_, j) => (
              <div className="site-row" key={j} role="group" aria-label={`Operating hours ${j + 1}`}>
                <ItemButtons
                  index={j}
                  count={location.operating_hours.length}
                  label={`operating hours ${j + 1}`}
                  onMove={moveIn([...path, 'operating_hours'])(j)}
                  onRemove={removeFrom([...path, 'operating_hours'], location.operating_hours.length).bind(null, j)}
                />
                <TextField path={[...path, 'operating_hours', j, 'days']} label="Days" max={49} />
                <TextField path={[...path, 'operating_hours', j, 'time']} label="Time" max={49} />
                <TextField path={[...path, 'operating_hours', j, 'description']} label="Note" max={99} />
              </div>
            ))}
            <button
              type="button"
              className="site-list__add"
              onClick={() => edit((text) => insertItem(text, [...path, 'operating_hours'], location.operating_hours.length, { days: 'Monday to Friday', time: '9 am to 5 pm', description: '' }))}
            >
              Add operating hours
            </button>
          </div>
        );
      })}
      <button type="button" className="site-list__add" onClick={() => edit((text) => insertItem(text, ['locations'], view.locations.length, newLocation('New location')))}>
        Add location
      </button>
    </div>
  );
}
