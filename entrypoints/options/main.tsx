import { render } from 'preact';
import '../../components/extension-page.css';
import '../../components/options/options.css';
import '../../components/saved-claims/saved-claims.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { SavedClaimsManager } from '../../components/saved-claims/SavedClaimsManager';

render(<OptionsApp savedClaims={<SavedClaimsManager />} />, document.getElementById('app')!);
