// One search box: a GET form, so a search has its own address and works without JavaScript. The
// label sits above the box on its own line; the caller gives the words (each search has its own).

export interface SearchFormProps {
  action: string;
  q: string;
  label: string;
  button: string;
}

export function SearchForm(p: SearchFormProps) {
  return (
    <form class="search-form" method="get" action={p.action} role="search">
      <label for="q" class="muted" style="flex-basis:100%">
        {p.label}
      </label>
      <input id="q" name="q" type="search" value={p.q} autocomplete="off" />
      <button type="submit">{p.button}</button>
    </form>
  );
}
